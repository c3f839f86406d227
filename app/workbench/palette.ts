/**
 * The workbench's colours for things told apart by colour (keys in flight, chart series):
 * Okabe–Ito, distinguishable with the common colour-vision deficiencies. Colour is never the only
 * cue — tokens carry a label and a shape, series a dash pattern and a name.
 */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8F5BB0', '#A6761D'];
/** For things that have no colour of their own (a token without a key). */
export const neutral = '#6B7280';
