/**
 * An in-memory `Directory` over validated directory data.
 */
import type { Directory, LotseAssignment, OrgUnit, Person } from '../../ports/directory.ts';
import type { DirectoryFile } from './directory-schema.ts';

/** Directory backed by maps built once from the file content. */
export class StaticDirectory implements Directory {
  private readonly unitsById = new Map<string, OrgUnit>();
  private readonly peopleById = new Map<string, Person>();
  private readonly assignments = new Map<string, LotseAssignment>();

  constructor(data: DirectoryFile) {
    for (const unit of data.units) this.unitsById.set(unit.id, unit);
    for (const person of data.people) {
      this.peopleById.set(person.id, { ...person, ...(data.tenant ? { tenant: data.tenant } : {}) });
    }
    for (const assignment of data.lotsen) this.assignments.set(assignment.unit, assignment);
  }

  unit(id: string): OrgUnit | undefined {
    return this.unitsById.get(id);
  }

  units(): readonly OrgUnit[] {
    return [...this.unitsById.values()];
  }

  unitPath(id: string): readonly OrgUnit[] {
    const path: OrgUnit[] = [];
    const seen = new Set<string>();
    for (let unit = this.unitsById.get(id); unit && !seen.has(unit.id); unit = unit.parent ? this.unitsById.get(unit.parent) : undefined) {
      seen.add(unit.id);
      path.push(unit);
    }
    return path;
  }

  unitWithDescendants(id: string): readonly OrgUnit[] {
    const root = this.unitsById.get(id);
    if (!root) return [];
    const result = [root];
    for (let index = 0; index < result.length; index += 1) {
      const parentId = result[index]!.id;
      for (const unit of this.unitsById.values()) if (unit.parent === parentId) result.push(unit);
    }
    return result;
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  people(): readonly Person[] {
    return [...this.peopleById.values()];
  }

  personByChannelId(channel: 'email' | 'jid' | 'aadObjectId', value: string): Person | undefined {
    const wanted = value.toLowerCase();
    return this.people().find((person) => person[channel]?.toLowerCase() === wanted);
  }

  lotsenFor(unitId: string): LotseAssignment | undefined {
    for (const unit of this.unitPath(unitId)) {
      const assignment = this.assignments.get(unit.id);
      if (assignment) return assignment;
    }
    return undefined;
  }
}
