import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../bot/core/paths.js';
import { calibrationFile, loadCalibration, type Calibration } from '../../bot/knowledge/calibration.js';
import { loadTopicModel, topicModelFile } from '../../bot/knowledge/classifier.js';
import { loadKnowledge } from '../../bot/knowledge/knowledge.js';
import { shippedCalibration } from '../support/knowledge.js';

const knowledgeDir = join(packageRoot(import.meta.url), 'knowledge');
const shipped = await shippedCalibration();

async function fileWith(text: string): Promise<string> {
  const file = calibrationFile(await mkdtemp(join(tmpdir(), 'gorae-calibration-')));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** A copy of the real knowledge base, its calibration replaced by `calibration` or removed. */
async function knowledgeWith(calibration: Calibration | undefined, { model = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gorae-knowledge-'));
  await cp(knowledgeDir, dir, { recursive: true });
  if (!model) await rm(topicModelFile(dir));
  if (calibration) await writeFile(calibrationFile(dir), JSON.stringify(calibration));
  else await rm(calibrationFile(dir));
  return dir;
}

describe('loading the calibration', () => {
  it('reads the weights and the confidence each language needs', async () => {
    const file = await fileWith(JSON.stringify(shipped));
    expect(await loadCalibration(file)).toEqual({ ok: true, value: shipped });
  });

  it('finds none in a folder without one', async () => {
    expect(await loadCalibration(calibrationFile(await mkdtemp(join(tmpdir(), 'gorae-calibration-'))))).toEqual({ ok: true, value: undefined });
  });

  it('names the file when it is not JSON', async () => {
    const file = await fileWith('{ "weights": ');
    expect(await loadCalibration(file)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { file, field: '(json)' } } });
  });

  it('refuses a weight for evidence the confidence does not weigh, and a missing one', async () => {
    const extra = await fileWith(JSON.stringify({ ...shipped, weights: { ...shipped.weights, mood: 1 } }));
    expect(await loadCalibration(extra)).toMatchObject({ ok: false, error: { vars: { file: extra, field: 'weights' } } });
    const { belief: _, ...rest } = shipped.weights;
    const missing = await fileWith(JSON.stringify({ ...shipped, weights: rest }));
    expect(await loadCalibration(missing)).toMatchObject({ ok: false, error: { vars: { file: missing, field: 'weights.belief' } } });
  });

  it('refuses a confidence needed that is not a share above 0', async () => {
    const file = await fileWith(JSON.stringify({ ...shipped, answerConfidence: { en: 0.9, ko: 1.5 } }));
    expect(await loadCalibration(file)).toMatchObject({ ok: false, error: { vars: { file, field: 'answerConfidence.ko' } } });
  });
});

describe('the knowledge base and its calibration', () => {
  it('ships a calibration fitted with the topic model beside it', async () => {
    const model = await loadTopicModel(topicModelFile(knowledgeDir));
    expect(model.ok && model.value?.trainedOn).toBe(shipped.trainedOn);
  });

  it('refuses a calibration fitted with another topic model, and says to retrain', async () => {
    const dir = await knowledgeWith({ ...shipped, trainedOn: 'f'.repeat(64) });
    expect(await loadKnowledge(dir)).toMatchObject({
      ok: false,
      error: { id: 'knowledge.load.invalid', vars: { file: calibrationFile(dir), field: 'trainedOn', reason: expect.stringContaining('npm run retrain') } },
    });
  });

  it('refuses a topic model without its calibration, and a calibration without its model', async () => {
    const bare = await knowledgeWith(undefined);
    expect(await loadKnowledge(bare)).toMatchObject({ ok: false, error: { id: 'knowledge.load.unreadable', vars: { file: calibrationFile(bare) } } });
    const orphan = await knowledgeWith(shipped, { model: false });
    expect(await loadKnowledge(orphan)).toMatchObject({ ok: false, error: { id: 'knowledge.load.invalid', vars: { field: 'trainedOn' } } });
  });

  it('without either, answers only what the question settles alone and offers the rest', async () => {
    const trained = await loadKnowledge(knowledgeDir);
    const untrained = await loadKnowledge(await knowledgeWith(undefined, { model: false }));
    if (!trained.ok || !untrained.ok) throw new Error('the knowledge base did not load');
    const asked = 'how to follow docker logs of a container live';
    expect(trained.value.ask(asked)).toMatchObject({ status: 'answer', topic: { id: 'logs' } });
    expect(trained.value.ask(asked)).not.toHaveProperty('firm');
    expect(untrained.value.ask(asked).status).toBe('suggest');
    expect(untrained.value.ask('Bind for 0.0.0.0:8080 failed: port is already allocated')).toMatchObject({ status: 'answer', topic: { id: 'err-port-allocated' }, firm: true });
    expect(untrained.value.ask('the difference between docker stop and docker kill?')).toMatchObject({ status: 'answer', topic: { id: 'stop-vs-kill' }, firm: true });
  });
});
