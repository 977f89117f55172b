// What tests outside the BFF (the CSI plugin's conformance suite) use to run a real Drivebay.
export { type Client, signIn, testUsers } from './clients.js';
export { call, errorOf } from './http.js';
export { removeDir, startTestApp, type TestApp } from './test-app.js';
