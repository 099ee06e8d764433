export type LabelsListProps = { labels: Record<string, string> };

/** A container's labels, Tidewatch's own (and WUD's) first. */
export function LabelsList({ labels }: LabelsListProps) {
  const entries = Object.entries(labels).sort(([a], [b]) => {
    const ours = (key: string) => (/^(tidewatch|wud)\./.test(key) ? 0 : 1);
    return ours(a) - ours(b) || a.localeCompare(b);
  });
  if (entries.length === 0) return <p className="cell__muted">No labels.</p>;
  return (
    <dl className="labels">
      {entries.map(([key, value]) => (
        <div key={key} className="labels__item">
          <dt className="cell__mono">{key}</dt>
          <dd className="cell__mono">{value || <span className="cell__muted">(empty)</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
