import type { Config } from 'vega-lite';

/**
 * The look every figure shares: fonts found on common systems (DejaVu Sans ships with Debian and
 * most Linux desktops), sizes that stay readable on a slide, a white background.
 */
export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export const COLORS = {
  primary: '#1f4e79',
  secondary: '#2e7d32',
  excitatory: '#1f4e79',
  inhibitory: '#c62828',
  reference: '#e65100',
  mean: '#c62828',
  median: '#616161',
} as const;

export const THEME: Config = {
  background: 'white',
  font: FONT,
  padding: 12,
  title: { fontSize: 17, subtitleFontSize: 13, subtitleColor: '#444', anchor: 'start', offset: 10 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 14,
    titleFontWeight: 'normal',
    gridColor: '#e6e6e6',
    domainColor: '#333',
    tickColor: '#333',
    labelColor: '#222',
    titleColor: '#111',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 120, orient: 'top-right' },
  view: { stroke: '#333' },
  // Per-mark accessibility labels double an SVG's size for rasters of many points.
  aria: false,
};
