import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { noValueColour } from './palette';

// The map itself: ECharts' map series on a canvas, with only the parts it draws bundled. This file
// (with ECharts and the boundary files' addresses) is loaded lazily by choropleth-map.tsx, so a
// page without a map downloads none of it; a boundary file is fetched when a map first draws it,
// as a content-hashed static asset (src/web/assets/geo, made by scripts/geodata-simplify.ts).
echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

const files = import.meta.glob<string>('../../assets/geo/*.topo.json', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

export type CanvasArea = { code: string; colour: string; tooltip: string };
export type CanvasProps = {
  /** provinces | regencies | regencies-<province code> */
  file: string;
  areas: CanvasArea[];
  label: string;
  aspect: number;
  onSelect?: (code: string) => void;
  /** Shown if a boundary file cannot be loaded. */
  failed: string;
};

const loaded = new Map<string, Promise<string>>();

/** Registers a boundary file with ECharts once per page load; resolves to its map name. */
function ensureMap(file: string): Promise<string> {
  let p = loaded.get(file);
  if (!p) {
    const url = files[`../../assets/geo/${file}.topo.json`];
    p = (async () => {
      if (!url) throw new Error(`no boundary file ${file}`);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${res.status}`);
      const topo = (await res.json()) as Topology;
      const object = Object.keys(topo.objects)[0]!;
      const geo = feature(topo, topo.objects[object]!);
      echarts.registerMap(`ll-${file}`, geo as never);
      return `ll-${file}`;
    })();
    // A failed load may be retried (a remount asks again).
    p.catch(() => loaded.delete(file));
    loaded.set(file, p);
  }
  return p;
}

const html = (s: string) => echarts.format.encodeHTML(s);

export default function MapCanvas({ file, areas, label, aspect, onSelect, failed }: CanvasProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [map, setMap] = useState<string | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let live = true;
    setError(false);
    ensureMap(file).then(
      (name) => live && setMap(name),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [file]);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => select.current?.(p.name));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!map || !chart.current) return;
    chart.current.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (p: { data?: CanvasArea }) =>
            p.data ? html(p.data.tooltip).replace(/\n/g, '<br/>') : '',
        },
        series: [
          {
            type: 'map',
            map,
            // Areas are joined to their values by Kemendagri code, never by name.
            nameProperty: 'code',
            // Near the equator a degree of longitude is as long as one of latitude.
            aspectScale: 1,
            left: 4,
            right: 4,
            top: 4,
            bottom: 4,
            roam: false,
            selectedMode: false,
            cursor: onSelect ? 'pointer' : 'default',
            itemStyle: { areaColor: noValueColour, borderColor: '#868e96', borderWidth: 0.5 },
            emphasis: { label: { show: false } },
            data: areas.map((a) => ({
              name: a.code,
              value: 1,
              tooltip: a.tooltip,
              itemStyle: { areaColor: a.colour },
              emphasis: { itemStyle: { areaColor: a.colour, borderColor: '#212529', borderWidth: 1.5 } },
            })),
          },
        ],
      },
      true,
    );
  }, [map, areas, onSelect]);

  return (
    <div style={{ position: 'relative', width: '100%', aspectRatio: String(aspect), maxHeight: 560 }}>
      <div
        ref={ref}
        role="img"
        aria-label={label}
        data-testid="map-canvas"
        data-ready={map && !error ? 'true' : 'false'}
        style={{ width: '100%', height: '100%' }}
      />
      {error && (
        <p
          role="alert"
          style={{ position: 'absolute', inset: 0, margin: 'auto', height: '1.5em', textAlign: 'center' }}
        >
          {failed}
        </p>
      )}
    </div>
  );
}
