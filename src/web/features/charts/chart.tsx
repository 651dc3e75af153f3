import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart';

const EChart = lazy(() => import('./echart'));

/** A chart that loads ECharts on first use; every chart also has a table or text beside it. */
export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height} />}>
      <EChart {...props} />
    </Suspense>
  );
}

export type ChartOption = EChartProps['option'];
