import { buildKnowledge } from '../../bot/knowledge/knowledge.js';
import { shippedKnowledge, twiceTheBase } from '../bench/shipped-knowledge.js';
const { topics, lexicon, building } = await shippedKnowledge();
const doubled = twiceTheBase(topics);
for (let i = 0; i < 5; i++) buildKnowledge(doubled, lexicon, building);
const t: number[] = [];
for (let i = 0; i < 20; i++) { const s = performance.now(); buildKnowledge(doubled, lexicon, building); t.push(performance.now() - s); }
t.sort((a,b)=>a-b); console.log('median', t[10]);
