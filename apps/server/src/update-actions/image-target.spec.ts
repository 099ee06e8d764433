import { pullReference, withTag } from './image-target';

describe('image targets', () => {
  it.each([
    ['nginx', 'nginx', 'nginx:1.27'],
    ['nginx:1.25', 'nginx', 'nginx:1.27'],
    ['library/nginx:1.25', 'library/nginx', 'library/nginx:1.27'],
    ['127.0.0.1:5000/acme/app:1.0.0', '127.0.0.1:5000/acme/app', '127.0.0.1:5000/acme/app:1.27'],
    ['127.0.0.1:5000/acme/app', '127.0.0.1:5000/acme/app', '127.0.0.1:5000/acme/app:1.27'],
    [`ghcr.io/o/i:2@sha256:${'a'.repeat(64)}`, 'ghcr.io/o/i', 'ghcr.io/o/i:1.27'],
    ['localhost:5000/x', 'localhost:5000/x', 'localhost:5000/x:1.27'],
  ])('%s', (reference, pull, tagged) => {
    expect(pullReference(reference)).toBe(pull);
    expect(withTag(reference, '1.27')).toBe(tagged);
  });
});
