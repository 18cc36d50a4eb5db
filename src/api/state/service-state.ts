import { ClairscoreError, type Workspace } from '../../core/index.js';
import { FeatureEngine, featureSchemaPath, readSchemaFile } from '../../features/index.js';
import { readChampionPointer, ScoringModel } from '../../registry/index.js';
import { FeatureRows } from './feature-rows.js';
import { loadInsights, type Insights } from './insights.js';
import { fileIdentity, ReadOnlyDatabase } from './read-only-database.js';
import { Swappable } from './swappable.js';

export interface StateLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface Readiness {
  readonly ready: boolean;
  readonly modelVersion: number | null;
  readonly database: boolean;
  readonly featureVersion: string | null;
}

const notReady = (what: string): ClairscoreError =>
  new ClairscoreError(
    'CS_ERR_NOT_READY',
    `The service has no ${what} loaded yet: run the demo (npm start) or train, promote and ingest, then retry.`,
  );

/**
 * What the service serves from: the champion model, the workspace database (read-only) and
 * the one-application feature engine. refresh() (polled) loads a newly promoted champion, a
 * database file swapped in by ingestion and a rebuilt feature schema, each swapped without
 * failing the requests that still use the old one.
 */
export class ServiceState {
  readonly models = new Swappable<ScoringModel>((model) => model.free());
  readonly databases = new Swappable<ReadOnlyDatabase>((db) => db.close());
  readonly engines = new Swappable<FeatureEngine>((engine) => engine.close());
  readonly insights = new Swappable<Insights>((insights) => insights.database.release());
  /** Every client's feature row in memory (undefined above the memory cap: read per request). */
  featureRows: FeatureRows | undefined;
  /** Bumped at every swap, so caches keyed on it never serve an old answer. */
  generation = 0;
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: (() => void)[] = [];
  private schemaIdentity: string | undefined;
  private insightsFailedAt = 0;

  constructor(
    readonly workspace: Workspace,
    private readonly log: StateLogger,
    /** Largest feature table kept in memory (bytes, Float32). */
    private readonly maxRowBytes = 2 * 1024 ** 3,
  ) {}

  /** Loads what the workspace holds and polls it every `pollMs` (0: never). */
  async start(pollMs: number): Promise<void> {
    await this.refresh();
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.refresh(), pollMs);
      this.timer.unref();
    }
  }

  /** Called after each swap (caches drop what they hold). */
  onSwap(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** One refresh at a time; a failed reload keeps serving what was loaded and logs why. */
  refresh(): Promise<void> {
    this.refreshing ??= this.reload().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  readiness(): Readiness {
    const model = this.models.current;
    const database = this.databases.current !== undefined;
    const engine = this.engines.current;
    return {
      ready: model !== undefined && database && engine !== undefined,
      modelVersion: model?.version ?? null,
      database,
      featureVersion: engine?.schema.version ?? null,
    };
  }

  useModel<R>(work: (model: ScoringModel) => Promise<R> | R): Promise<R> {
    return this.models.use(() => notReady('champion model'), work);
  }

  useDatabase<R>(work: (db: ReadOnlyDatabase) => Promise<R> | R): Promise<R> {
    return this.databases.use(() => notReady('database'), work);
  }

  useEngine<R>(work: (engine: FeatureEngine) => Promise<R> | R): Promise<R> {
    return this.engines.use(() => notReady('feature table'), work);
  }

  /** Explanations and comparisons, or undefined while they are not loaded. */
  useInsights<R>(work: (insights: Insights) => Promise<R> | R): Promise<R> {
    return this.insights.use(() => notReady('population statistics'), work);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.insights.close();
    this.models.close();
    this.databases.close();
    this.engines.close();
  }

  private async reload(): Promise<void> {
    let swapped = false;
    const attempt = async (what: string, work: () => Promise<boolean> | boolean): Promise<void> => {
      try {
        if (await work()) swapped = true;
      } catch (error) {
        this.log.error({ what, err: (error as Error).message }, `cannot load the ${what}`);
      }
    };
    await attempt('champion model', () => this.reloadModel());
    await attempt('database', () => this.reloadDatabase());
    await attempt('feature engine', () => this.reloadEngine());
    if (swapped) await attempt('feature rows', () => this.reloadRows());
    const stale = this.insights.current?.modelVersion !== this.models.current?.version;
    if (swapped || stale) await this.reloadInsights(swapped);
    if (swapped) {
      this.generation++;
      for (const listener of this.listeners) listener();
    }
  }

  private async reloadRows(): Promise<boolean> {
    const schema = this.engines.current?.schema;
    const rows = schema
      ? await this.useDatabase((db) => FeatureRows.load(db, schema, this.maxRowBytes))
      : undefined;
    if (rows && rows.version !== schema?.version) return false; // the database is ahead of the schema file
    this.featureRows = rows;
    this.log.info(
      { clients: rows?.size ?? 0 },
      rows ? 'feature rows in memory' : 'feature rows read per request',
    );
    return false;
  }

  /** Rebuilt at each swap; after a failure, retried at most every 30 s. */
  private async reloadInsights(swapped: boolean): Promise<void> {
    const model = this.models.current;
    const schema = this.engines.current?.schema;
    const database = this.databases.acquire();
    if (!model || !schema || !database || (!swapped && Date.now() - this.insightsFailedAt < 30_000)) {
      database?.release();
      return;
    }
    try {
      this.insights.swap(await loadInsights(this.workspace, database, schema, model.version));
      this.log.info({ modelVersion: model.version }, 'population statistics and neighbours loaded');
    } catch (error) {
      database.release();
      this.insightsFailedAt = Date.now();
      this.log.error({ err: (error as Error).message }, 'explanations and comparisons unavailable');
    }
  }

  private reloadModel(): boolean {
    const pointer = readChampionPointer(this.workspace);
    if (!pointer || pointer.version === this.models.current?.version) return false;
    const model = ScoringModel.load(this.workspace, pointer.version);
    const previous = this.models.current?.version ?? null;
    this.models.swap(model);
    this.log.info({ modelVersion: model.version, previous }, 'champion model loaded');
    return true;
  }

  private async reloadDatabase(): Promise<boolean> {
    const identity = fileIdentity(this.workspace.database);
    if (identity === undefined || identity === this.databases.current?.identity) return false;
    this.databases.swap(await ReadOnlyDatabase.open(this.workspace.database));
    this.log.info({}, 'database opened read-only');
    return true;
  }

  private async reloadEngine(): Promise<boolean> {
    // the schema file is large: read it only when it changed
    const identity = fileIdentity(featureSchemaPath(this.workspace));
    if (identity === this.schemaIdentity && this.engines.current) return false;
    const schema = readSchemaFile(this.workspace);
    this.schemaIdentity = identity;
    if (schema.version === this.engines.current?.schema.version) return false;
    this.engines.swap(await FeatureEngine.create(schema));
    this.log.info({ featureVersion: schema.version }, 'feature engine ready');
    return true;
  }
}
