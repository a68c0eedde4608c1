/**
 * The step-by-step setups the trigger panel shows, mapped to the steps of the Instrumentl guide
 * (the vendor guide users already follow: role, Web Services user, authorization, GL Entry trigger
 * with "Use webhook delivery" and a Client ID, document template), and what each costs.
 */
export const WEBHOOK_DELIVERY_STEPS =
	'Setup with webhook delivery (signed; like steps 3-5 of the Instrumentl guide, with your own client application): ' +
	'1. In the Sage developer portal create a REST client application; put its Client ID and Client Secret, your Company ID and Web Services user into the "Sage Intacct REST OAuth2 API" credential below. ' +
	'2. Company > Setup > Company > Security > Authorized Client Applications > Add: the Client ID and the Web Services user, Status Active. ' +
	'3. Platform Services > Objects > GL Entry > Triggers > New Trigger: Trigger Type HTTP Post; activation After Create, After Update and/or After Delete (see "Intacct Triggers"); tick "Use webhook delivery"; Client ID: the same Client ID; Encoding JSON; URL: this node\'s Production URL. ' +
	'4. Under Document Template add a template and paste the text of "Document Template" below (no access key needed): click into that field and copy the text under "Result" (the button at the field\'s lower right opens it full screen; it already follows the options you pick here). Save twice, then publish this workflow. ' +
	'Every call is verified: X-IA-Sage-Signature must be signed with your client secret and match the exact body; anything else gets HTTP 401 and starts nothing.';

export const TEMPLATE_STEPS =
	'Setup with an access key (for companies without webhook delivery): ' +
	'1. Create a "Sage Intacct Trigger Access Key API" credential below with 32 or more random characters. ' +
	'2. Platform Services > Objects > GL Entry > Triggers > New Trigger: Trigger Type HTTP Post; activation After Create, After Update and/or After Delete; Encoding JSON; URL: this node\'s Production URL (append "?key=<access key>" when the key travels in the URL). ' +
	'3. Under Document Template add a template and paste the text of "Document Template" below: click into that field and copy the text under "Result" (the button at the field\'s lower right opens it full screen; it already follows the options you pick here), then replace the placeholder with your access key when it travels in the template. Save twice, then publish this workflow. ' +
	'Intacct does not sign these calls: the access key is the only proof, so keep it long and secret.';

export const COST_NOTICE =
	'API transactions: receiving deliveries costs none, either way. "Fetch Full Entry and Batch" costs 2 per event. ' +
	'Webhook delivery retries a failed call 3 times (after 10 s, 30 s and 90 s) at no cost; events it gave up on wait in the event queue, which the Sage Intacct Poll Trigger (Source: Event Queue) drains at 1 transaction per poll plus 1 per acknowledgement batch.';

export const EARLY_ADOPTER_NOTICE =
	'Early Adopter deliveries (Bearer token + X-Trusted-Context, 2025 R1) carry no signature over the body, so they are refused with HTTP 401 unless the bearer token itself verifies with your client secret. Re-save the Intacct trigger with "Use webhook delivery" to get signed calls.';

export const MOVE_ACCESS_KEY_NOTICE =
	'This workflow keeps its access key in the node, where anyone who opens or exports the workflow can read it. Create a "Sage Intacct Trigger Access Key API" credential with the same key, select it below and clear the Access Key field: the credential wins when both are set.';
