// Fluent UI measures elements; jsdom has no ResizeObserver or matchMedia.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
if (!window.matchMedia) {
  Object.assign(window, {
    matchMedia: () => ({
      matches: false,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
    }),
  });
}

// The suite runs beside heavy tests (webpack, LibreOffice); give rendering time before calling it failed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("@testing-library/react").configure({ asyncUtilTimeout: 15_000 });
