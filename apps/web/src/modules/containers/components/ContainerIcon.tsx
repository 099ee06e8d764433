import { useState } from 'react';
import { ICON_PATHS, resolveIcon } from '../utils/icons';

export type ContainerIconProps = { icon: string | null | undefined; name: string; size?: number };

/** A container's display icon (image URL, built-in icon or monogram); decorative next to its name. */
export function ContainerIcon({ icon, name, size = 28 }: ContainerIconProps) {
  const [broken, setBroken] = useState(false);
  const resolved = broken ? resolveIcon('', name) : resolveIcon(icon, name);
  const style = { width: size, height: size };
  switch (resolved.kind) {
    case 'image':
      return (
        <img
          className="container-icon"
          src={resolved.src}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setBroken(true)}
        />
      );
    case 'builtin':
      return (
        <span className="container-icon container-icon--builtin" style={style} aria-hidden="true">
          <svg
            viewBox="0 0 24 24"
            width={size * 0.64}
            height={size * 0.64}
            fill="none"
            stroke="currentColor"
            strokeWidth={1.8}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d={ICON_PATHS[resolved.name]} />
          </svg>
        </span>
      );
    case 'monogram':
      return (
        <span
          className="container-icon container-icon--monogram"
          style={{ ...style, backgroundColor: `hsl(${resolved.hue} 50% 42%)` }}
          aria-hidden="true"
        >
          {resolved.letter}
        </span>
      );
  }
}
