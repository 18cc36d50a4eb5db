export interface DataColumn {
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

export interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Marks one row (e.g. the client's), with words for screen readers. */
  readonly highlightRow?: number;
  readonly highlightLabel?: string;
}

/** A plain, accessible table: caption, column headers, the first cell of each row as its header. */
export function DataTable({ caption, columns, rows, highlightRow, highlightLabel }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className={r === highlightRow ? 'highlight' : undefined}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                    {r === highlightRow && highlightLabel ? (
                      <span className="visually-hidden"> ({highlightLabel})</span>
                    ) : null}
                  </th>
                ) : (
                  <td key={c} className={columns[c]?.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
