import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useFormat } from '../../../i18n/use-locale';

export interface MoneyBar {
  key: string;
  label: string;
  color: string;
  minor: number;
  count: number;
}

/**
 * The bars of the invoice summary, drawn by @mantine/charts. Decorative for assistive
 * technology: the amounts are written out beside it. Its own chunk, with recharts.
 */
export default function InvoiceMoneyBars({ bars, currency }: { bars: MoneyBar[]; currency: string }) {
  const { currencyDigits, formatMoney } = useFormat();
  const unit = 10 ** currencyDigits(currency);
  return (
    <BarChart
      h={150}
      data={bars.map((bar) => ({ state: bar.label, amount: bar.minor / unit, color: `${bar.color}.6` }))}
      dataKey="state"
      orientation="vertical"
      series={[{ name: 'amount', label: currency }]}
      valueFormatter={(value) => formatMoney(Math.round(value * unit), currency)}
      yAxisProps={{ width: 90 }}
      gridAxis="x"
      withTooltip={false}
      barChartProps={{ accessibilityLayer: false }}
      aria-hidden
    />
  );
}
