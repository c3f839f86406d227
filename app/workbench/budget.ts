/**
 * Estimated bytes of checkpoints a workbench keeps (approxBytes errs high, about 1.7× the heap a
 * busy cluster's state really takes). Past it the timeline thins far checkpoints, so a long play
 * or a long link costs replay time, not memory (issue #12's soak). Its own file so the link replay
 * Worker can use it without loading the store.
 */
export const checkpointBytesMax = 64 * 1024 * 1024;
