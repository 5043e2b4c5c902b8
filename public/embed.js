/*
 * County Stories embed helper for host pages (no dependencies, 1.5 KB with its comments).
 * Resizes each of our iframes to the height its page reports through
 * postMessage. Without this script an iframe keeps the height in its snippet.
 *   <script src="https://<site>/embed.js" async></script>
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
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== site || !data || data.type !== 'county-stories:embed-height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      try {
        if (new URL(frame.src, location.href).origin !== site) return;
      } catch (e) {
        return;
      }
      var height = Math.max(50, Math.min(Math.ceil(data.height), 5000));
      frame.style.height = height + 'px';
      frame.style.aspectRatio = 'auto';
      frame.setAttribute('data-embed-height', String(height));
      return;
    }
  });
})();
