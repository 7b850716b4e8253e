import { describe, expect, it } from 'vitest';
import { nearbyTopicIds } from '../../bot/terminal/nearby-topic-ids.js';
import type { Topic } from '../../bot/knowledge/topic.js';

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
