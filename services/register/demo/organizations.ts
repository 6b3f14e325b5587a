import type { Organization } from '../../../events/values.js';
import { drawMunicipality } from './places.js';
import type { Random } from './prng.js';

const FIRST = ['Sakura', 'Fuji', 'Aoba', 'Hikari', 'Midori', 'Kaede', 'Tsubasa', 'Asahi', 'Yamato', 'Hinode', 'Minato', 'Kasumi', 'Nishiki', 'Tokiwa'];
const TRADES = ['Systems', 'Foods', 'Logistics', 'Electronics', 'Care Services', 'Construction', 'Trading', 'Manufacturing', 'Software', 'Engineering', 'Agriculture', 'Textiles', 'Auto Parts', 'Hotel Services'];
const SCHOOLS = ['Japanese Language School', 'Japanese Language Academy', 'College of Business', 'Institute of Technology', 'University'];

/** A fictitious affiliated organization (所属機関) with an address in a real municipality (19-16). */
export const drawOrganization = (rng: Random, school: boolean): Organization => ({
  name: `${rng.pick(FIRST)} ${rng.pick(school ? SCHOOLS : TRADES)}${school ? '' : ' K.K.'}`,
  address: `${rng.int(1, 5)}-${rng.int(1, 20)}-${rng.int(1, 15)}, ${drawMunicipality(rng).name}`,
});
