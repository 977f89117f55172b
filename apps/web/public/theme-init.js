// Applies the remembered theme before first paint, so a light-theme user sees no dark flash.
// A file rather than an inline script: the CSP allows scripts from 'self' only.
try {
  if (localStorage.getItem('drivebay.theme') === 'light') document.documentElement.dataset.theme = 'light';
} catch {}
