// Opt-in diagnostic preload for the queue e2e's n8n webhook processes (E2E_QUEUE_STATIC_DATA_PROBE=1;
// not part of the package): per production webhook request, the workflow's static-data change flag
// and the trigger's ledger revision before and after the node's webhook() ran, and when n8n saves.
const Module = require('module');
const fs = require('fs');
const out = process.env.STATIC_DATA_PROBE_LOG || 'static-data-probe.log';
const log = (m) => fs.appendFileSync(out, `${new Date().toISOString()} ${process.pid} ${m}\n`);
const rev = (sd) => { try { const n = sd && sd['node:GL entry posted']; return n && n.deliveryLedger ? n.deliveryLedger.rev : 'none'; } catch (e) { return 'err'; } };
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const m = origLoad.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.endsWith('/workflows/workflow-static-data.service.js') && m.WorkflowStaticDataService && !m.__q3) {
      m.__q3 = true;
      const p = m.WorkflowStaticDataService.prototype;
      const orig = p.saveStaticData;
      p.saveStaticData = async function (workflow) {
        log(`saveStaticData wf=${workflow.id} changed=${workflow.staticData.__dataChanged} rev=${rev(workflow.staticData)}`);
        return orig.apply(this, arguments);
      };
    }
    if (file.endsWith('/webhooks/webhook.service.js') && m.WebhookService && !m.__q3) {
      m.__q3 = true;
      const p = m.WebhookService.prototype;
      const orig = p.runWebhook;
      p.runWebhook = async function (workflow) {
        log(`runWebhook before wf=${workflow.id} changed=${workflow.staticData.__dataChanged} rev=${rev(workflow.staticData)}`);
        const r = await orig.apply(this, arguments);
        log(`runWebhook after wf=${workflow.id} changed=${workflow.staticData.__dataChanged} rev=${rev(workflow.staticData)}`);
        return r;
      };
    }
    if (file.endsWith('/workflow-runner.js') && m.WorkflowRunner && !m.__q3) {
      m.__q3 = true;
      const p = m.WorkflowRunner.prototype;
      const orig = p.prepareNewExecution;
      p.prepareNewExecution = async function (data) {
        const r = await orig.apply(this, arguments);
        log(`prepareNewExecution done wf=${data.workflowData.id}`);
        return r;
      };
      // Whether the execution's copy of static data is the very object the webhook's Workflow wraps
      // (loaded non-null) and what re-wrapping it in a new Workflow does to its change flag.
      const origCtx = p.establishContextForPersistence;
      p.establishContextForPersistence = async function (data) {
        const sd = data.workflowData.staticData;
        const before = sd == null ? 'null' : String(sd.__dataChanged);
        const r = await origCtx.apply(this, arguments);
        log(`establishContextForPersistence wf=${data.workflowData.id} staticData ${sd == null ? 'null' : 'loaded'} changed before=${before} after=${sd == null ? 'null' : String(sd.__dataChanged)}`);
        return r;
      };
    }
  } catch (e) { /* resolution of builtins etc. */ }
  return m;
};
