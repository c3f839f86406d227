/**
 * "Run this on a real RabbitMQ": the playground's AMQP scenario as a small Node program (amqplib)
 * that declares the same topology, publishes the same messages and prints what each queue got —
 * built by the very harness the differential test runs against RabbitMQ in CI. Loaded on demand.
 */
import { useState } from 'react';
import type { AmqpScenario } from '../../../simulator/index.ts';
import type { ModelTools } from '../types.ts';
import { AmqpBuilder } from './AmqpBuilder.tsx';

export const AmqpTools: ModelTools = ({ store, scenario }) => {
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (): Promise<void> => {
    const { amqpScenarioToNodeProgram } = await import('../../../scripts/amqp/standalone-script.ts');
    const program = amqpScenarioToNodeProgram(scenario as AmqpScenario, 'playground scenario');
    if (!program.ok) {
      setProblem(program.error.message);
      return;
    }
    setProblem(null);
    const url = URL.createObjectURL(new Blob([program.value], { type: 'text/javascript' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'eda-lab-rabbitmq.mjs';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <AmqpBuilder store={store} />
      <button
        type="button"
        onClick={() => void download()}
        title="A Node program (amqplib) that runs this scenario on your own RabbitMQ"
      >
        Run on a real RabbitMQ…
      </button>
      {problem && (
        <span role="alert" className="workbench-error">
          {problem}
        </span>
      )}
    </>
  );
};
