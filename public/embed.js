/*
 * County Stories embed helper for host pages (no dependencies, about 2 KB with its comments).
 * Resizes each of our iframes to the height its page reports through
 * postMessage. Without this script an iframe keeps the height in its snippet.
 *   <script src="https://<site>/embed.js" async></script>
 * It may arrive after the iframes have loaded (async, a slow network, a CMS
 * that inserts it late or re-inserts the iframe): on start, and whenever one
 * of our iframes loads, it asks the iframe for its height, and the iframe
 * answers (src/publishing/embed.ts HEIGHT_SENDER); the iframe also reports
 * every change of its height by itself.
 * It acts only on a message from the window of an iframe on this page whose
 * src is on the site this script was loaded from: another site's iframe (an
 * ad, say) cannot resize itself through it.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var site = new URL(script.src, location.href).origin;
  var flag = '__countyStoriesEmbed:' + site;
  if (window[flag]) return;
  window[flag] = true;
  var HEIGHT = 'county-stories:embed-height';
  var REQUEST = 'county-stories:embed-height-please';

  function ours(frame) {
    try {
      return new URL(frame.src, location.href).origin === site;
    } catch (e) {
      return false;
    }
  }
  function ask(frame) {
    if (ours(frame) && frame.contentWindow) frame.contentWindow.postMessage({ type: REQUEST }, site);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== site || !data || data.type !== HEIGHT || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame)) return;
      var height = Math.max(50, Math.min(Math.ceil(data.height), 5000));
      frame.style.height = height + 'px';
      frame.style.aspectRatio = 'auto';
      frame.setAttribute('data-embed-height', String(height));
      return;
    }
  });
  // An iframe that loads from now on (inserted or re-inserted later): load does not bubble, so listen while it is captured.
  document.addEventListener('load', function (event) {
    if (event.target && event.target.tagName === 'IFRAME') ask(event.target);
  }, true);
  // The iframes already there, loaded before this script arrived.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) ask(frames[i]);
})();
