/** The Kafka Build tab: brokers and topics, then producers, groups and consumers. */
import { kafkaModel } from '../../simulator/index.ts';
import { BuildStatus, useSend, type AnyStore } from './form-kit.tsx';
import { ChangeGroupPart, ChangeProducerPart, DeleteGroupPart } from './KafkaClientChanges.tsx';
import { ProducerPart, GroupPart } from './KafkaClientParts.tsx';
import { BrokerPart, ChangeTopicPart, DeleteTopicPart, TopicPart } from './KafkaTopicParts.tsx';

export function KafkaBuilder({ store }: { store: AnyStore }) {
  const { send, problem, refused, done } = useSend(store, kafkaModel.loadCommand);
  return (
    <div className="builder">
      <BuildStatus problem={problem} refused={refused} done={done} />
      <BrokerPart store={store} send={send} />
      <TopicPart send={send} />
      <ChangeTopicPart store={store} send={send} />
      <ProducerPart store={store} send={send} />
      <ChangeProducerPart store={store} send={send} />
      <GroupPart store={store} send={send} />
      <ChangeGroupPart store={store} send={send} />
      <DeleteGroupPart store={store} send={send} />
      <DeleteTopicPart store={store} send={send} />
    </div>
  );
}
