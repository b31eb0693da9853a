/** What an export draws is decided in shared/ (the SVG writer and the report both use it). */
export * from '../../../shared/export/sheet-plan';
