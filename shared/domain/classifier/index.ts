/** Chat understanding: sentiment and purchase intents of live-room messages (see resources/classifier/README.md). */
export { classify, createScores, INTENTS, loadModel, scoreInto, SENTIMENTS } from './model.js';
export type { ChatModel, Classification, Intent, ModelJson, Sentiment } from './model.js';
export { classFigures, evaluateIntents, evaluatePolarity, evaluateSentiment } from './metrics.js';
export type { IntentFigures, SentimentFigures } from './metrics.js';
export { DEFAULT_TRAIN_OPTIONS, trainModel } from './train.js';
export type { TrainingExample, TrainOptions } from './train.js';
