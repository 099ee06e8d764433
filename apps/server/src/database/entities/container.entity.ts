import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What the watcher learnt from the Docker engine about the container's image. */
export interface StoredImage {
  id: string;
  /** The reference the container was created with (`Config.Image`). */
  reference: string;
  registry: { name: string; url: string };
  /** Registry host as parsed from the reference (`docker.io`, `127.0.0.1:5000`). */
  registryHost: string;
  name: string;
  tag: { value: string; semver: boolean };
  digest: { watch: boolean; value: string | null; repo: string | null; repoDigests: string[] };
  architecture: string | null;
  os: string | null;
  variant: string | null;
  created: string | null;
  /** Set when the reference could not be parsed; such a container is listed but never checked. */
  parseError?: string;
}

export interface StoredResult {
  tag: string | null;
  digest: string | null;
  link: string | null;
  created: string | null;
}

export interface StoredUpdateKind {
  kind: 'tag' | 'digest' | 'unknown';
  localValue: string | null;
  remoteValue: string | null;
  semverDiff: 'major' | 'minor' | 'patch' | 'prerelease' | 'unknown' | null;
}

@Entity({ name: 'container' })
@Index('IDX_container_watcher_name', ['watcher', 'name'])
export class ContainerEntity {
  /** The Docker container ID (changes when the container is recreated). */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  watcher: string;

  @Column({ type: 'varchar', length: 256 })
  name: string;

  /** Stable across recreation: compose project/service, else watcher/name. */
  @Index('IDX_container_identity')
  @Column({ type: 'varchar', length: 512 })
  identity: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'simple-json' })
  image: StoredImage;

  @Column({ type: 'simple-json' })
  labels: Record<string, string>;

  @Column({ type: 'simple-json', nullable: true })
  result: StoredResult | null;

  @Column({ type: 'simple-json', name: 'update_kind', nullable: true })
  updateKind: StoredUpdateKind | null;

  @Column({ type: 'boolean', name: 'update_available', default: false })
  updateAvailable: boolean;

  @Column({ type: 'text', name: 'error_message', nullable: true })
  errorMessage: string | null;

  /** The detection trace of the last check (which tags were considered and why). */
  @Column({ type: 'simple-json', nullable: true })
  decision: object | null;

  @Column({ type: 'varchar', length: 64, name: 'checked_at', nullable: true })
  checkedAt: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
