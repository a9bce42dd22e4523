// n8n-core logs every node error through its own logger; in tests those errors are expected and
// asserted on, so keep the console for the tests' own output.
process.env.N8N_LOG_LEVEL = 'silent';
