/*
 * jsdom has no layout. Radix measures with ResizeObserver, and the windowed contact list needs
 * a viewport height to decide which rows to render.
 */
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.scrollTo ??= function scrollTo(this: Element, options?: ScrollToOptions | number) {
  if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  this.dispatchEvent(new Event('scroll'));
} as Element['scrollTo'];

export const CONTACT_LIST_HEIGHT = 320;
const isContactList = (element: Element): element is HTMLElement => element instanceof HTMLElement && element.dataset.part === 'contact-list';
// The list's window (useRowWindow) reads the viewport from clientHeight.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: Element) {
    return isContactList(this) ? CONTACT_LIST_HEIGHT : 0;
  },
});
/** The list's content is as tall as its sizer says, as a browser would lay it out. */
Object.defineProperty(Element.prototype, 'scrollHeight', {
  configurable: true,
  get(this: Element) {
    return isContactList(this) ? Number.parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '0') : 0;
  },
});
