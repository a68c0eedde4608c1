/**
 * The package.json fields n8n's verification and npm provenance read: the repository, homepage and
 * bugs URLs name one GitHub repository (npm refuses a provenance statement whose repository differs
 * from the one the publishing workflow runs in), an author, and the release scripts the workflow in
 * .github/workflows/release.yml relies on.
 */
import { readFileSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	name: string;
	homepage?: string;
	bugs?: { url?: string } | string;
	author?: { name?: string; email?: string } | string;
	repository?: { type?: string; url?: string } | string;
	scripts: Record<string, string>;
	devDependencies: Record<string, string>;
};

/** owner/name of a GitHub URL in any of the forms npm accepts, or undefined. */
function githubRepo(url: string | undefined): string | undefined {
	const m = /github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?(?:[/#?].*)?$/.exec(url ?? '');
	return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

describe('package.json metadata for verification and provenance', () => {
	const repoUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const bugsUrl = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;

	it('repository, homepage and bugs name the same GitHub repository', () => {
		const repo = githubRepo(repoUrl);
		expect(repo).toBeDefined();
		expect(typeof pkg.repository === 'object' && pkg.repository.type).toBe('git');
		expect(githubRepo(pkg.homepage)).toBe(repo);
		expect(githubRepo(bugsUrl)).toBe(repo);
		expect(bugsUrl).toMatch(/\/issues$/);
		// The package is named after the repository (what the verifier shows side by side).
		expect(repo?.split('/')[1]).toBe(pkg.name);
	});

	it('has an author with a name and an email', () => {
		expect(typeof pkg.author === 'object' && pkg.author.name && pkg.author.email).toBeTruthy();
	});

	it('releases through n8n-node: lint and publish only from the release workflow', () => {
		expect(pkg.devDependencies['@n8n/node-cli']).toBeDefined();
		expect(pkg.scripts.lint).toContain('n8n-node lint');
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const workflow = readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8');
		expect(workflow).toMatch(/id-token:\s*write/);
		expect(workflow).toContain('npm run release');
		expect(workflow).toContain('npm test');
	});
});
