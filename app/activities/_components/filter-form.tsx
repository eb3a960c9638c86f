import { getTranslations } from "@/lib/i18n/translations";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { accessibilityFacts, energyLevels, kinds, talkLevels } from "@/lib/labels";
import { radiusChoices, type ActivityFilters } from "@/lib/validation/activity-filters";
import { NearMeButton } from "./near-me-button";

function Choices<T extends string>({ legend, name, values, labels, selected }: { legend: string; name: string; values: readonly T[]; labels: Record<T, string>; selected: readonly string[] }) {
  return (
    <fieldset className="grid grid-cols-2 gap-x-2 md:grid-cols-1">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {values.map((v) => (
        <Checkbox key={v} name={name} value={v} defaultChecked={selected.includes(v)} label={labels[v]} />
      ))}
    </fieldset>
  );
}

/**
 * The listing's filters as a plain GET form: the URL holds the search, so it can be
 * shared and bookmarked, and it works without JavaScript.
 */
export async function FilterForm({ filters, neighbourhoods, mapView = false }: { filters: ActivityFilters; neighbourhoods: string[]; mapView?: boolean }) {
  const usingMyLocation = filters.lat !== undefined && filters.lng !== undefined;
  const [tf, labels] = await Promise.all([getTranslations("listing.form"), getTranslations("labels")]);
  const labelsOf = <T extends string>(group: string, values: readonly T[]) => Object.fromEntries(values.map((v) => [v, labels(`${group}.${v}` as string)])) as Record<T, string>;
  return (
    <form method="get" action="/activities" className="space-y-4" aria-label={tf("label")} data-testid="filter-form">
      {/* The map stays open while the filters change. */}
      {mapView ? <input type="hidden" name="view" value="map" /> : null}
      <Field id="q" label={tf("search")}>
        <Input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={tf("searchPlaceholder")} />
      </Field>
      <Field id="when" label={tf("when")}>
        <Select id="when" name="when" defaultValue={filters.from || filters.to ? "custom" : filters.when}>
          <option value="any">{tf("any")}</option>
          <option value="today">{tf("today")}</option>
          <option value="weekend">{tf("weekend")}</option>
          <option value="week">{tf("week")}</option>
          <option value="custom">{tf("custom")}</option>
        </Select>
      </Field>
      {/* Side by side only where there is room for a whole date in each. */}
      <div className="grid grid-cols-1 gap-2 min-[26rem]:grid-cols-2 md:grid-cols-1">
        <Field id="from" label={tf("from")}>
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className="min-w-[10.5rem]" />
        </Field>
        <Field id="to" label={tf("to")}>
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className="min-w-[10.5rem]" />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{tf("where")}</legend>
        <Field id="neighbourhood" label={tf("neighbourhood")}>
          <Select id="neighbourhood" name="neighbourhood" defaultValue={filters.neighbourhood ?? ""}>
            <option value="">{tf("anywhere")}</option>
            {neighbourhoods.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Field id="near" label={tf("near")} hint={tf("nearHint")}>
          <Input id="near" name="near" defaultValue={filters.near ?? ""} aria-describedby="near-hint" autoComplete="postal-code" />
        </Field>
        {usingMyLocation ? (
          <p className="text-sm" data-testid="using-location">
            {tf("nearYou")}
            <input type="hidden" name="lat" value={filters.lat} />
            <input type="hidden" name="lng" value={filters.lng} />
            {filters.sort === "nearest" ? <input type="hidden" name="sort" value="nearest" /> : null}
          </p>
        ) : null}
        <NearMeButton />
        <Field id="km" label={tf("within")}>
          <Select id="km" name="km" defaultValue={filters.km === undefined ? "" : String(filters.km)}>
            <option value="">{filters.near || usingMyLocation ? tf("anyDistance") : tf("neighbourhoodItself")}</option>
            {radiusChoices.map((km) => (
              <option key={km} value={km}>{tf("km", { km })}</option>
            ))}
            {filters.km !== undefined && !(radiusChoices as readonly number[]).includes(filters.km) ? <option value={filters.km}>{tf("km", { km: filters.km })}</option> : null}
          </Select>
        </Field>
      </fieldset>
      <Field id="format" label={tf("format")}>
        <Select id="format" name="format" defaultValue={filters.format ?? ""}>
          <option value="">{tf("either")}</option>
          <option value="in_person">{tf("inPerson")}</option>
          <option value="online">{tf("online")}</option>
        </Select>
      </Field>
      <Choices legend={tf("kind")} name="kind" values={kinds} labels={labelsOf("kind", kinds)} selected={filters.kind} />
      <Choices legend={tf("energy")} name="energy" values={energyLevels} labels={labelsOf("energy", energyLevels)} selected={filters.energy} />
      <Choices legend={tf("talk")} name="talk" values={talkLevels} labels={labelsOf("talk", talkLevels)} selected={filters.talk} />
      <Choices legend={tf("access")} name="access" values={accessibilityFacts} labels={labelsOf("accessibility", accessibilityFacts)} selected={filters.access} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{tf("also")}</legend>
        <Checkbox name="firstTimer" value="1" defaultChecked={filters.firstTimer} label={tf("firstTimer")} />
        <Checkbox name="substanceFree" value="1" defaultChecked={filters.substanceFree} label={tf("substanceFree")} />
        <Checkbox name="spotsLeft" value="1" defaultChecked={filters.spotsLeft} label={tf("spotsLeft")} />
      </fieldset>
      {filters.group ? <input type="hidden" name="group" value={filters.group} /> : null}
      <div className="flex gap-2">
        <Button type="submit" data-testid="apply-filters">{tf("submit")}</Button>
        <ButtonLink href="/activities" variant="secondary">{tf("clear")}</ButtonLink>
      </div>
    </form>
  );
}
