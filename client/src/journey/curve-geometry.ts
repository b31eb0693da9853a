/** The emotion curve's geometry lives in shared/ (the SVG export draws it without a DOM). */
export * from '../../../shared/journey/curve-geometry';
