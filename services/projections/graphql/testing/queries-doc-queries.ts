/** The GraphQL documents of the README's example queries, as a reader would type them. */

export const COUNTS_BY_MUNICIPALITY = `query CountsByMunicipality {
  statistics(groupBy: MUNICIPALITY) { key count }
}`;

export const COUNTS_BY_STATUS = `query CountsByStatus {
  statistics(groupBy: STATUS_OF_RESIDENCE) { key count }
}`;

export const RESIDENTS_OF_MUNICIPALITY = `query ResidentsOfMunicipality($municipality: String!) {
  residents(filter: { municipality: $municipality }, first: 3) {
    totalCount
    edges {
      node {
        id
        particulars { name nationality }
        midToLongTermResident { is reason }
        stay { statusOfResidence expiresOn }
        card { number valid validUntil }
        address { state since }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ADDRESS_LAPSES = `query AddressLapses {
  addressLapses(first: 5) {
    totalCount
    edges {
      node {
        residentId
        ground
        clockStartedOn
        from
        strictFrom
        state
        municipalityCode
        curedLateOn
        knownSince
        resident { stay { kind endReason } card { number valid } }
      }
    }
  }
}`;

export const RESIDENT = `query Resident($id: ID!) {
  resident(id: $id) {
    id
    asOf
    particulars { name dateOfBirth sex nationality }
    midToLongTermResident { is reason since newlyBy }
    stay { kind statusOfResidence periodOfStay expiresOn grantedOn grantedVia }
    card { number issuedOn printedValidUntil validUntil validityBasis valid invalidity { item since } }
    address { state municipalityCode line since notifiedOn }
    obligations {
      duty
      subject
      state
      clockStartedOn
      deadline { nominal effective }
      immediately
      metOn
      overdueSince
      penalty
    }
    cancellationGrounds {
      ground
      clockStartedOn
      day90 { nominal effective }
      from
      strictFrom
      state
      knownSince
      likelyJustification
    }
  }
}`;

export const AS_KNOWN_THEN = `query AsKnownThen($id: ID!, $asOf: Date!, $knownAt: DateTime!) {
  asRecordedToday: resident(id: $id, asOf: $asOf) { ...AddressAndGrounds }
  asKnownThen: resident(id: $id, asOf: $asOf, knownAt: $knownAt) { ...AddressAndGrounds }
}

fragment AddressAndGrounds on Resident {
  asOf
  knownAt
  address { state municipalityCode since notifiedOn }
  cancellationGrounds { ground from state knownSince }
  watches { ground clockStartedOn groundFrom }
}`;

export const HISTORY = `query History($residentId: ID!) {
  history(residentId: $residentId) {
    revision
    position
    type
    legalDates { name date }
    recordedAt
    sourceKind
  }
}`;

export const RESIDENT_BY_CARD = `query ResidentByCard($number: String!) {
  residentByCard(number: $number) {
    id
    midToLongTermResident { is reason }
    stay { kind statusOfResidence endReason endedOn deportable { since article } }
    card { number valid invalidity { item since } }
  }
}`;

export const CARD_VALIDITY = `query CardValidity($first: String!, $second: String!) {
  first: cardValidity(number: $first) { number asOf validity reason since }
  second: cardValidity(number: $second) { number asOf validity reason since }
}`;

export const deadlinesQuery = (from: string, to: string): string => `query Deadlines {
  deadlines(dueBetween: { from: "${from}", to: "${to}" }, first: 5) {
    totalCount
    edges {
      node { residentId kind subject clockStartedOn nominal effective municipalityCode }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const AUDIT_LOG = `query WhoReadThisResident($residentId: ID!) {
  auditLog(residentId: $residentId, first: 3) {
    totalCount
    edges {
      node { id at actorRole actorId operationName rootFields fields }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
