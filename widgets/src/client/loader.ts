// The one script a partner site includes. It stays tiny: it finds the placeholders and loads the
// widget bundle only when the first one comes near the viewport, and never before the host page's
// own `load` event (then at the next idle moment), so embedding a widget does not delay the host.
declare const __WIDGETS_VERSION__: string;
interface SEHWindow extends Window {
  SEHWidgets?: { mount(el: Element, options: { base: string }): void };
  SEHLoader?: { scan(): void };
}
(function () {
  const w = window as SEHWindow;
  if (w.SEHLoader) return w.SEHLoader.scan();
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script ? script.src.replace(/\/widgets\/loader\.js.*$/, '') : '';
  const waiting: Element[] = [];
  let requested = false;
  const mount = (el: Element) => w.SEHWidgets!.mount(el, { base });
  // A script inserted before `load` would hold the host's load event until it (and what it fetches) arrives.
  const afterLoad = (work: () => void) => {
    const idle = () => ((w as any).requestIdleCallback ? (w as any).requestIdleCallback(work, { timeout: 1500 }) : setTimeout(work, 0));
    if (document.readyState === 'complete') idle();
    else w.addEventListener('load', idle, { once: true });
  };
  const show = (el: Element) => {
    if (w.SEHWidgets) return mount(el);
    waiting.push(el);
    if (requested) return;
    requested = true;
    afterLoad(() => {
      const s = document.createElement('script');
      s.src = `${base}/widgets/widgets.js?v=${__WIDGETS_VERSION__}`;
      s.async = true;
      s.onload = () => waiting.splice(0).forEach(mount);
      document.head.appendChild(s);
    });
  };
  const io =
    'IntersectionObserver' in w
      ? new IntersectionObserver(
          (entries) =>
            entries.forEach((e) => {
              if (e.isIntersecting) {
                io!.unobserve(e.target);
                show(e.target);
              }
            }),
          { rootMargin: '200px' },
        )
      : null;
  const scan = () =>
    document.querySelectorAll('seh-widget,[data-seh-widget]').forEach((el) => {
      if ((el as HTMLElement).dataset.sehSeen) return;
      (el as HTMLElement).dataset.sehSeen = '1';
      io ? io.observe(el) : show(el);
    });
  w.SEHLoader = { scan };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
