import * as React from 'react';
import { Box, Combobox, ComboboxOption, Field, Flex, Tag, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useFetchClient, useField } from '@strapi/strapi/admin';

type Kind = 'ENTITY' | 'TERRITORY' | 'INDICATOR';
interface HubRecordOption {
  key: string;
  label: string;
  detail: string;
}

interface Props {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
  attribute: { type: string; customField?: string; options?: { kind?: Kind } };
}

const PLACEHOLDER: Record<Kind, string> = {
  ENTITY: 'Szukaj podmiotu po nazwie, KRS lub REGON…',
  TERRITORY: 'Szukaj gminy, powiatu lub województwa po nazwie albo kodzie TERYT…',
  INDICATOR: 'Szukaj wskaźnika po nazwie lub kodzie…',
};

/**
 * Picks a hub record by name and stores its stable key: an entity's UUID, a TERYT code or an
 * indicator code. Searches through Strapi's own /hub-picker/search (which asks the hub's GraphQL),
 * so the editor's browser never needs to reach the hub. `hub-record-list` keeps several keys.
 */
const HubRecordInput = React.forwardRef<HTMLInputElement, Props>(({ name, label, hint, required, disabled, labelAction, attribute }, ref) => {
  const field = useField(name);
  const { get } = useFetchClient();
  const kind: Kind = attribute.options?.kind ?? 'ENTITY';
  const multiple = attribute.type === 'json' || attribute.customField === 'global::hub-record-list';
  const keys: string[] = multiple
    ? Array.isArray(field.value) ? (field.value as string[]) : []
    : typeof field.value === 'string' && field.value !== '' ? [field.value] : [];

  const [query, setQuery] = React.useState('');
  const [options, setOptions] = React.useState<HubRecordOption[]>([]);
  const [known, setKnown] = React.useState<Record<string, HubRecordOption>>({});
  const [loading, setLoading] = React.useState(false);
  const [problem, setProblem] = React.useState<string | null>(null);

  React.useEffect(() => {
    const q = query.trim();
    if (q.length < 2 && kind !== 'INDICATOR') {
      setOptions([]);
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const { data } = await get<{ data: HubRecordOption[] }>('/hub-picker/search', { params: { kind, q } });
        if (cancelled) return;
        setOptions(data.data);
        setProblem(null);
      } catch (error) {
        if (!cancelled) setProblem('Hub nie odpowiada; spróbuj za chwilę. / The hub does not answer; try again shortly.');
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, kind, get]);

  const choose = (key: string | undefined) => {
    if (!key) return;
    const option = options.find((o) => o.key === key);
    if (option) setKnown((k) => ({ ...k, [key]: option }));
    field.onChange(name, multiple ? Array.from(new Set([...keys, key])) : key);
    setQuery('');
  };
  const remove = (key: string) => {
    const rest = keys.filter((k) => k !== key);
    field.onChange(name, multiple ? (rest.length > 0 ? rest : null) : null);
  };

  return (
    <Field.Root name={name} hint={hint} error={field.error ?? problem ?? undefined} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Combobox
        ref={ref}
        name={name}
        disabled={disabled}
        autocomplete="none"
        placeholder={PLACEHOLDER[kind]}
        loading={loading}
        textValue={query}
        onTextValueChange={setQuery}
        onInputChange={(event) => setQuery(event.currentTarget.value)}
        value={undefined}
        onChange={choose}
        noOptionsMessage={() => (query.trim().length < 2 ? 'Wpisz co najmniej 2 znaki / type at least 2 characters' : 'Brak wyników / no results')}
      >
        {options.map((option) => (
          <ComboboxOption key={option.key} value={option.key}>
            {`${option.label} — ${option.detail}`}
          </ComboboxOption>
        ))}
      </Combobox>
      {keys.length > 0 ? (
        <Box paddingTop={2}>
          <Flex gap={2} wrap="wrap">
            {keys.map((key) => (
              <Tag key={key} icon={<Cross aria-hidden />} onClick={() => !disabled && remove(key)} disabled={disabled} data-hub-key={key}>
                {known[key] ? `${known[key].label} (${key})` : key}
              </Tag>
            ))}
          </Flex>
        </Box>
      ) : (
        <Box paddingTop={2}>
          <Typography variant="pi" textColor="neutral600">
            —
          </Typography>
        </Box>
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default HubRecordInput;
