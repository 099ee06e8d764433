import { Badge } from '../../../ui/Badge';
import { formatDateTime } from '../../../ui/time';
import type { Container } from '../types';
import { releaseLink, shortDigest, updateBadge } from '../utils/format';

export type ContainerVersionsProps = { container: Container };

/** What runs next to what could run: tag, digest, creation date, release notes. */
export function ContainerVersions({ container }: ContainerVersionsProps) {
  const badge = updateBadge(container);
  const { image, result } = container;
  const link = releaseLink(container);
  const currentDigest = image.digest.repo ?? image.digest.value;
  return (
    <div className="versions">
      <div className="versions__column">
        <h3 className="versions__heading">Running now</h3>
        <dl>
          <dt>Tag</dt>
          <dd className="cell__mono">{image.tag.value}</dd>
          <dt>Digest</dt>
          <dd className="cell__mono" title={currentDigest ?? undefined}>
            {currentDigest ? shortDigest(currentDigest) : '—'}
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(image.created)}</dd>
          <dt>Platform</dt>
          <dd>{[image.os, image.architecture, image.variant].filter(Boolean).join('/') || '—'}</dd>
        </dl>
      </div>
      <div className="versions__arrow" aria-hidden="true">
        →
      </div>
      <div className="versions__column">
        <h3 className="versions__heading">
          Candidate{' '}
          {badge ? (
            <Badge tone={badge.tone}>{badge.text}</Badge>
          ) : container.checkedAt ? (
            <Badge tone="ok">up to date</Badge>
          ) : (
            <Badge>not checked yet</Badge>
          )}
        </h3>
        <dl>
          <dt>Tag</dt>
          <dd className="cell__mono">{result?.tag ?? '—'}</dd>
          <dt>Digest</dt>
          <dd className="cell__mono" title={result?.digest ?? undefined}>
            {result?.digest ? shortDigest(result.digest) : '—'}
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(result?.created)}</dd>
          <dt>Release notes</dt>
          <dd>
            {link ? (
              <a href={link} target="_blank" rel="noreferrer noopener">
                {link.replace(/^https?:\/\//, '').slice(0, 60)}
              </a>
            ) : (
              <span className="cell__muted">no link (set tidewatch.link.template)</span>
            )}
          </dd>
        </dl>
      </div>
    </div>
  );
}
