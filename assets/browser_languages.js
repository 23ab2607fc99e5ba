// Chromium sends the browser-wide Accept-Language on the websocket, not the page's, so the
// backend learns the visitor's languages from here; it runs before the app sends its first event.
try {
  localStorage.setItem(
    "mk_browser_languages",
    (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]).join(","),
  );
} catch (error) {
  // Storage disabled: the websocket's Accept-Language header is the fallback.
}
