/** The password every demo user has in tests. */
export const TEST_PASSWORD = 'correct horse battery staple';
export const TEMPLATE_DB = 'baton_template';
