/** The playground: a free simulation with a shareable link. The workbench fills it in. */
import { usePageTitle } from '../usePageTitle.ts';

export function PlaygroundPage() {
  usePageTitle('Playground');
  return (
    <div className="page">
      <h1>Playground</h1>
      <p className="lead">
        Load a scenario, watch records flow, crash a broker or a consumer, step back to see why, and share the exact moment as a
        link.
      </p>
      <p className="notice" role="status">
        Coming soon: the workbench that draws the simulation is being built.
      </p>
    </div>
  );
}
