import { Badge, Button, CloseButton, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Pavilion } from '../../api/types';
import { CategoryLabel, CategoryPicker } from '../../components/category';
import { ProblemAlert } from '../../components/problem';
import { useSubmit } from '../../components/use-submit';
import { asciiDigits } from '../../format/digits';
import { useI18n } from '../../i18n/i18n';
import { floorKey } from './expo-keys';

const metres = (s: string) => {
  const n = Number(asciiDigits(s).replace(',', '.'));
  return Number.isFinite(n) && s.trim() ? n : s;
};

/** A pavilion: its name, the ISIC divisions or groups it is themed on, and its floor in metres. */
export function PavilionForm(props: { expoId: string; onCreated: (p: Pavilion) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [width, setWidth] = useState('40');
  const [depth, setDepth] = useState('25');
  const s = useSubmit(
    (key) =>
      api.post<Pavilion>(
        `/v1/expos/${props.expoId}/pavilions`,
        { name, themes, floor: { width: metres(width), depth: metres(depth) } },
        { idempotencyKey: key },
      ),
    {
      invalidate: [floorKey(props.expoId)],
      onSuccess: (p) => {
        setName('');
        setThemes([]);
        props.onCreated(p);
      },
    },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('pavilion.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('pavilion.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={s.fieldError('name')}
            data-testid="pavilion-name"
          />
          <TextInput
            label={t('pavilion.width')}
            required
            inputMode="decimal"
            value={width}
            onChange={(e) => setWidth(e.currentTarget.value)}
            error={s.fieldError('floor.width', 'floor')}
          />
          <TextInput
            label={t('pavilion.depth')}
            required
            inputMode="decimal"
            value={depth}
            onChange={(e) => setDepth(e.currentTarget.value)}
            error={s.fieldError('floor.depth')}
          />
        </SimpleGrid>
        <CategoryPicker
          label={t('pavilion.addTheme')}
          levels={['division', 'group']}
          value=""
          onChange={(code) => code && !themes.includes(code) && setThemes([...themes, code])}
          error={s.fieldError('themes')}
        />
        <Group gap="xs" aria-label={t('pavilion.themes')}>
          {themes.map((c) => (
            <Badge
              key={c}
              variant="light"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('pavilion.removeTheme', { code: c })}
                  onClick={() => setThemes(themes.filter((x) => x !== c))}
                />
              }
            >
              <CategoryLabel code={c} />
            </Badge>
          ))}
        </Group>
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending} disabled={!themes.length} data-testid="pavilion-create">
            {t('pavilion.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
