/**
 * Calls back once when the element comes near the viewport. Maps are heavy (Leaflet, points,
 * coastline): a map at the bottom of a long page costs nothing until the visitor scrolls to it.
 * Browsers without IntersectionObserver get the map straight away rather than never.
 */
export function whenVisible(element: Element, callback: () => void, rootMargin = '200px'): () => void {
  if (typeof IntersectionObserver !== 'function') {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
