export * from './assessments';
export * from './auth';
export * from './followup';
export * from './orgs';
export * from './platform';
export * from './practices';
export * from './users';
