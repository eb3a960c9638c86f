import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { accessibilityFacts, accessibilityLabel, energyLabel, energyLevels, kindLabel, kinds, talkLabel, talkLevels } from "@/lib/labels";
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
export function FilterForm({ filters, neighbourhoods, mapView = false }: { filters: ActivityFilters; neighbourhoods: string[]; mapView?: boolean }) {
  const usingMyLocation = filters.lat !== undefined && filters.lng !== undefined;
  return (
    <form method="get" action="/activities" className="space-y-4" aria-label="Filter activities" data-testid="filter-form">
      {/* The map stays open while the filters change. */}
      {mapView ? <input type="hidden" name="view" value="map" /> : null}
      <Field id="q" label="Search">
        <Input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="garden, sketching, riverside…" />
      </Field>
      <Field id="when" label="When">
        <Select id="when" name="when" defaultValue={filters.from || filters.to ? "custom" : filters.when}>
          <option value="any">Any time</option>
          <option value="today">Today</option>
          <option value="weekend">This weekend</option>
          <option value="week">Next 7 days</option>
          <option value="custom">Between dates…</option>
        </Select>
      </Field>
      {/* Side by side only where there is room for a whole date in each. */}
      <div className="grid grid-cols-1 gap-2 min-[26rem]:grid-cols-2 md:grid-cols-1">
        <Field id="from" label="From">
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className="min-w-[10.5rem]" />
        </Field>
        <Field id="to" label="To">
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className="min-w-[10.5rem]" />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Where</legend>
        <Field id="neighbourhood" label="Neighbourhood">
          <Select id="neighbourhood" name="neighbourhood" defaultValue={filters.neighbourhood ?? ""}>
            <option value="">Anywhere</option>
            {neighbourhoods.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Field id="near" label="Or near a place or postcode" hint="A postcode like MB2, or a place such as Old Mill Community Hall.">
          <Input id="near" name="near" defaultValue={filters.near ?? ""} aria-describedby="near-hint" autoComplete="postal-code" />
        </Field>
        {usingMyLocation ? (
          <p className="text-sm" data-testid="using-location">
            Near your location.
            <input type="hidden" name="lat" value={filters.lat} />
            <input type="hidden" name="lng" value={filters.lng} />
            {filters.sort === "nearest" ? <input type="hidden" name="sort" value="nearest" /> : null}
          </p>
        ) : null}
        <NearMeButton />
        <Field id="km" label="Within">
          <Select id="km" name="km" defaultValue={filters.km === undefined ? "" : String(filters.km)}>
            <option value="">{filters.near || usingMyLocation ? "Any distance" : "The neighbourhood itself"}</option>
            {radiusChoices.map((km) => (
              <option key={km} value={km}>{km} km</option>
            ))}
            {filters.km !== undefined && !(radiusChoices as readonly number[]).includes(filters.km) ? <option value={filters.km}>{filters.km} km</option> : null}
          </Select>
        </Field>
      </fieldset>
      <Field id="format" label="Online or in person">
        <Select id="format" name="format" defaultValue={filters.format ?? ""}>
          <option value="">Either</option>
          <option value="in_person">In person</option>
          <option value="online">Online</option>
        </Select>
      </Field>
      <Choices legend="Kind" name="kind" values={kinds} labels={kindLabel} selected={filters.kind} />
      <Choices legend="Energy it asks" name="energy" values={energyLevels} labels={energyLabel} selected={filters.energy} />
      <Choices legend="Talking" name="talk" values={talkLevels} labels={talkLabel} selected={filters.talk} />
      <Choices legend="Access" name="access" values={accessibilityFacts} labels={accessibilityLabel} selected={filters.access} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Also</legend>
        <Checkbox name="firstTimer" value="1" defaultChecked={filters.firstTimer} label="First-timer friendly" />
        <Checkbox name="substanceFree" value="1" defaultChecked={filters.substanceFree} label="Substance-free venue" />
        <Checkbox name="spotsLeft" value="1" defaultChecked={filters.spotsLeft} label="Has places left" />
      </fieldset>
      {filters.group ? <input type="hidden" name="group" value={filters.group} /> : null}
      <div className="flex gap-2">
        <Button type="submit" data-testid="apply-filters">Show activities</Button>
        <ButtonLink href="/activities" variant="secondary">Clear</ButtonLink>
      </div>
    </form>
  );
}
