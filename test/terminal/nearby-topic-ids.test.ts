import { describe, expect, it } from 'vitest';
import { nearbyTopicIds, topicIdsLike } from '../../bot/terminal/nearby-topic-ids.js';
import type { Topic } from '../../bot/knowledge/topic.js';
import { realKnowledge } from '../support/knowledge.js';

const topics = ['save-load', 'save-vs-export', 'volumes', 'volume-backup', 'attach', 'b-save', 'save-c', 'save-d', 'save-e'].map((id) => ({ id }) as Topic);

describe('the ids near an unknown one', () => {
  it('are the ids it is part of, and those part of it', () => {
    expect(nearbyTopicIds(topics, 'volume')).toEqual(['volumes', 'volume-backup']);
    expect(nearbyTopicIds(topics, 'volumes-x')).toEqual(['volumes']);
  });

  it('are five at most, so the hint stays one line', () => {
    expect(nearbyTopicIds(topics, 'save')).toEqual(['save-load', 'save-vs-export', 'b-save', 'save-c', 'save-d']);
  });

  it('are none for an id like no other', () => {
    expect(nearbyTopicIds(topics, 'kubernetes')).toEqual([]);
  });
});

describe('the topics an unknown id best matches', () => {
  it('are first what it answers asked as a question, then the ids it is part of, then the titles and ids it begins', async () => {
    const knowledge = await realKnowledge();
    expect(topicIdsLike(knowledge, '볼륨')).toEqual(['volumes']);
    expect(topicIdsLike(knowledge, 'volume').slice(0, 3)).toEqual(['volumes', 'compose-volumes-networks', 'named-vs-anonymous-volumes']);
    expect(topicIdsLike(knowledge, 'save-lod')[0]).toBe('save-load');
  });

  it('are five at most, and none for a word no topic holds', async () => {
    const knowledge = await realKnowledge();
    expect(topicIdsLike(knowledge, 'save')).toHaveLength(5);
    expect(topicIdsLike(knowledge, 'pizza')).toEqual([]);
  });
});
