import { BarChart } from '@mantine/charts';

/**
 * The revenue chart alone, loaded on its own (recharts is most of the page's code): the figures, caption
 * and tables show while it loads. Decorative for assistive technology: the caption and table say the same.
 */
export default function RevenueChart({
  data,
  labels,
  format,
}: {
  data: { day: string; revenue: number; topups: number }[];
  labels: { revenue: string; topups: string };
  format: (value: number) => string;
}) {
  return (
    <BarChart
      h={280}
      data={data}
      dataKey="day"
      series={[
        { name: 'revenue', label: labels.revenue, color: 'blue.7' },
        { name: 'topups', label: labels.topups, color: 'teal.7' },
      ]}
      valueFormatter={format}
      withLegend
      tickLine="y"
      yAxisProps={{ width: 110 }}
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}
