import { ClairscoreError } from '../core/errors.js';

export interface RestClientOptions {
  /** Defaults to Node's global fetch. */
  readonly fetch?: typeof fetch;
  /** MLFLOW_TRACKING_TOKEN (Bearer) or MLFLOW_TRACKING_USERNAME/PASSWORD (Basic), as MLflow's client reads them. */
  readonly env?: NodeJS.ProcessEnv;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** Retries on 429/502/503/504 and refused connections (MLflow's client retries too); default 2. */
  readonly retries?: number;
}

type Query = Readonly<Record<string, string>>;

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** An MLflow error body: {"error_code": "...", "message": "..."}. */
function errorBody(text: string): { errorCode?: string; message?: string } {
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    return {
      ...(typeof body.error_code === 'string' ? { errorCode: body.error_code } : {}),
      ...(typeof body.message === 'string' ? { message: body.message } : {}),
    };
  } catch {
    return { message: text.slice(0, 300) };
  }
}

/** JSON over HTTP to an MLflow tracking server (mlflow.md 5), errors as CS_ERR_TRACKING_SERVER. */
export class MlflowRestClient {
  /** The server's base URL without a trailing slash. */
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(baseUrl: string, options: RestClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 2;
    const env = options.env ?? process.env;
    this.headers = {};
    if (env.MLFLOW_TRACKING_TOKEN) this.headers.authorization = `Bearer ${env.MLFLOW_TRACKING_TOKEN}`;
    else if (env.MLFLOW_TRACKING_USERNAME) {
      const basic = Buffer.from(`${env.MLFLOW_TRACKING_USERNAME}:${env.MLFLOW_TRACKING_PASSWORD ?? ''}`);
      this.headers.authorization = `Basic ${basic.toString('base64')}`;
    }
  }

  /** GET /api/2.0/mlflow/<endpoint>?query. */
  get<T>(endpoint: string, query: Query): Promise<T> {
    return this.json<T>('GET', `${this.apiUrl(endpoint)}?${new URLSearchParams(query).toString()}`);
  }

  /** POST /api/2.0/mlflow/<endpoint> with a JSON body. */
  post<T>(endpoint: string, body: object): Promise<T> {
    return this.json<T>('POST', this.apiUrl(endpoint), JSON.stringify(body));
  }

  /** PUT raw bytes at an absolute URL (mlflow-artifacts uploads). */
  async put(url: string, content: string | Uint8Array): Promise<void> {
    await this.send('PUT', url, content, 'application/octet-stream');
  }

  private apiUrl(endpoint: string): string {
    return `${this.baseUrl}/api/2.0/mlflow/${endpoint}`;
  }

  private async json<T>(method: string, url: string, body?: string): Promise<T> {
    const text = await this.send(method, url, body, 'application/json');
    try {
      return (text.trim() === '' ? {} : JSON.parse(text)) as T;
    } catch {
      throw new ClairscoreError(
        'CS_ERR_TRACKING_SERVER',
        `The MLflow server at ${this.baseUrl} answered ${method} ${url} with something that is not JSON. Check MLFLOW_TRACKING_URI points at an MLflow tracking server.`,
        { url },
      );
    }
  }

  private async send(
    method: string,
    url: string,
    body: string | Uint8Array | undefined,
    type: string,
  ): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': type }) },
          // a copy typed over a plain ArrayBuffer, as BodyInit requires
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (attempt < this.retries) {
          await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
          continue;
        }
        const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
        throw new ClairscoreError(
          'CS_ERR_TRACKING_SERVER',
          `Cannot reach the MLflow server at ${this.baseUrl} (${cause}). Start it (mlflow server) or unset MLFLOW_TRACKING_URI to record runs in the workspace.`,
          { url, method },
        );
      }
      const text = await response.text();
      if (response.ok) return text;
      if (RETRY_STATUSES.has(response.status) && attempt < this.retries) {
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
        continue;
      }
      const { errorCode, message } = errorBody(text);
      throw new ClairscoreError(
        'CS_ERR_TRACKING_SERVER',
        `The MLflow server at ${this.baseUrl} refused ${method} ${new URL(url).pathname}: HTTP ${response.status}${errorCode ? ` ${errorCode}` : ''}${message ? ` (${message})` : ''}. Check the server's log and MLFLOW_TRACKING_URI.`,
        { url, method, httpStatus: response.status, ...(errorCode ? { errorCode } : {}) },
      );
    }
  }
}

/** True for the server's "does not exist" answer (HTTP 404 or RESOURCE_DOES_NOT_EXIST). */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof ClairscoreError &&
    error.code === 'CS_ERR_TRACKING_SERVER' &&
    (error.details.errorCode === 'RESOURCE_DOES_NOT_EXIST' || error.details.httpStatus === 404)
  );
}

/** True for RESOURCE_ALREADY_EXISTS (another process created the experiment first). */
export function isAlreadyExists(error: unknown): boolean {
  return error instanceof ClairscoreError && error.details.errorCode === 'RESOURCE_ALREADY_EXISTS';
}
