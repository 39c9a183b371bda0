import { graphql } from '@/gql'

// The volunteer centre (志愿者中心) and leader mode: profiles, teams, shifts, attendance, hours,
// corrections and certificates. Every mutation asks for its typed errors.

export const VolunteerProfileFields = graphql(`
  fragment VolunteerProfileFields on Volunteer {
    id
    realName
    gender
    status
    statusReason
    number
    orgUnit {
      id
      name
      shortName
    }
    skills {
      id
      name
    }
    availability
    onPublicLeaderboard
    appliedAt
    approvedAt
    totalHours
    starLevel
    nextStarThreshold
    hoursToNextStar
    phone
    birthDate
    idNumberMasked
    emergencyContactName
    emergencyContactPhone
    guardianName
    guardianPhone
  }
`)

export const ShiftCardFields = graphql(`
  fragment ShiftCard on VolunteerShift {
    id
    startsAt
    endsAt
    place
    maxCount
    placesLeft
    signupOpen
    signupDeadline
    signupFlow
    isSignedUp
    canRun
    role {
      id
      name
    }
    opportunity {
      id
      title
      orgUnit {
        id
        shortName
      }
    }
    requiredSkills {
      id
      name
    }
  }
`)

export const SignupFields = graphql(`
  fragment SignupFields on ShiftSignup {
    id
    status
    createdAt
    checkedInAt
    checkedOutAt
    canWithdraw
  }
`)

export const VolunteerHomeQuery = graphql(`
  query VolunteerHome {
    myVolunteerProfile {
      ...VolunteerProfileFields
    }
  }
`)

export const ApplyOptionsQuery = graphql(`
  query ApplyOptions {
    volunteerSkills {
      id
      name
    }
    volunteerAgreement {
      version
      text
    }
  }
`)

/** The organization tree a level at a time: districts first, then a unit's children. */
export const OrgUnitChildrenQuery = graphql(`
  query OrgUnitChildren($parent: ID, $level: OrgUnitLevel) {
    orgUnits(parent: $parent, level: $level, limit: 100) {
      items {
        id
        name
        shortName
        level
        volunteerIdRequired
      }
    }
  }
`)

export const ApplyMutation = graphql(`
  mutation ApplyAsVolunteer($input: ApplyAsVolunteerInput!) {
    applyAsVolunteer(input: $input) {
      volunteer {
        ...VolunteerProfileFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateVolunteerProfileMutation = graphql(`
  mutation UpdateVolunteerProfile($input: UpdateVolunteerProfileInput!) {
    updateVolunteerProfile(input: $input) {
      volunteer {
        ...VolunteerProfileFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const VolunteerTeamsQuery = graphql(`
  query VolunteerTeams($offset: Offset!) {
    volunteerTeams(limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        name
        kind
        memberCount
        orgUnit {
          id
          shortName
        }
        myMembership {
          id
          status
          role
        }
      }
    }
  }
`)

export const VolunteerTeamQuery = graphql(`
  query VolunteerTeam($id: ID!) {
    volunteerTeam(id: $id) {
      id
      name
      kind
      description
      memberCount
      orgUnit {
        id
        name
      }
      leaders {
        id
        name
      }
      members {
        id
        name
        role
      }
      myMembership {
        id
        status
        role
      }
    }
  }
`)

export const RequestToJoinTeamMutation = graphql(`
  mutation RequestToJoinTeam($input: RequestToJoinTeamInput!) {
    requestToJoinTeam(input: $input) {
      membership {
        id
        status
        role
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const LeaveTeamMutation = graphql(`
  mutation LeaveTeam($input: LeaveTeamInput!) {
    leaveTeam(input: $input) {
      membership {
        id
        status
        role
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const ShiftFiltersQuery = graphql(`
  query ShiftFilters {
    volunteerSkills {
      id
      name
    }
    orgUnits(level: DISTRICT, limit: 20) {
      items {
        id
        shortName
      }
    }
  }
`)

export const VolunteerShiftsQuery = graphql(`
  query VolunteerShifts($from: Date, $to: Date, $skill: ID, $orgUnit: ID, $hasOpenPlaces: Boolean, $runByMe: Boolean, $offset: Offset!) {
    volunteerShifts(
      from: $from
      to: $to
      skill: $skill
      orgUnit: $orgUnit
      hasOpenPlaces: $hasOpenPlaces
      runByMe: $runByMe
      when: UPCOMING
      limit: 20
      offset: $offset
    ) {
      totalCount
      hasNextPage
      items {
        ...ShiftCard
      }
    }
  }
`)

export const VolunteerShiftQuery = graphql(`
  query VolunteerShift($id: ID!) {
    volunteerShift(id: $id) {
      ...ShiftCard
      minCount
      checkInCode
      role {
        id
        name
        description
      }
      opportunity {
        id
        title
        description
        serviceObject
        orgUnit {
          id
          name
          shortName
        }
      }
      requiredTeam {
        id
        name
      }
      mySignup {
        ...SignupFields
      }
    }
  }
`)

export const SignUpForShiftMutation = graphql(`
  mutation SignUpForShift($input: SignUpForShiftInput!) {
    signUpForShift(input: $input) {
      signup {
        ...SignupFields
        shift {
          id
          placesLeft
          signupOpen
          isSignedUp
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const WithdrawShiftSignupMutation = graphql(`
  mutation WithdrawShiftSignup($input: WithdrawShiftSignupInput!) {
    withdrawShiftSignup(input: $input) {
      signup {
        ...SignupFields
        shift {
          id
          placesLeft
          signupOpen
          isSignedUp
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const MyShiftsQuery = graphql(`
  query MyShifts($when: ShiftWhen!, $offset: Offset!) {
    myShifts(when: $when, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...SignupFields
        shift {
          ...ShiftCard
        }
        serviceRecord {
          id
          hours
          status
        }
      }
    }
  }
`)

export const ShiftRosterQuery = graphql(`
  query ShiftRoster($shiftId: ID!) {
    volunteerShift(id: $shiftId) {
      ...ShiftCard
      checkInCode
    }
    shiftSignups(shiftId: $shiftId, limit: 100) {
      totalCount
      items {
        ...SignupFields
        phone
        volunteer {
          id
          realName
          number
        }
      }
    }
  }
`)

export const CheckInVolunteerMutation = graphql(`
  mutation CheckInVolunteer($input: CheckInVolunteerInput!) {
    checkInVolunteer(input: $input) {
      signup {
        ...SignupFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const CheckOutVolunteerMutation = graphql(`
  mutation CheckOutVolunteer($input: CheckOutVolunteerInput!) {
    checkOutVolunteer(input: $input) {
      signup {
        ...SignupFields
        serviceRecord {
          id
          hours
          status
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const ServiceRecordFields = graphql(`
  fragment ServiceRecordFields on ServiceRecord {
    id
    activityName
    serviceDate
    place
    hours
    maxHours
    status
    voidReason
    source
    organization {
      id
      shortName
    }
    openCorrectionRequest {
      id
      status
    }
  }
`)

export const MyHoursQuery = graphql(`
  query MyHours($offset: Offset!) {
    myVolunteerProfile {
      id
      status
      totalHours
      starLevel
      nextStarThreshold
      hoursToNextStar
    }
    myServiceRecords(limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...ServiceRecordFields
      }
    }
  }
`)

export const MyCorrectionRequestsQuery = graphql(`
  query MyCorrectionRequests($offset: Offset!) {
    myCorrectionRequests(limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        message
        proposedHours
        status
        createdAt
        decidedAt
        response
        record {
          id
          activityName
          serviceDate
          hours
        }
      }
    }
  }
`)

export const RequestRecordCorrectionMutation = graphql(`
  mutation RequestRecordCorrection($input: RequestRecordCorrectionInput!) {
    requestRecordCorrection(input: $input) {
      correctionRequest {
        id
        status
        record {
          ...ServiceRecordFields
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const MyCertificatesQuery = graphql(`
  query MyCertificates($offset: Offset!) {
    myCertificates(limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        number
        periodStart
        periodEnd
        totalHours
        activityCount
        issuedAt
        pdfUrl
        verificationUrl
        issuer {
          id
          name
        }
      }
    }
  }
`)

export const RequestVolunteerCertificateMutation = graphql(`
  mutation RequestVolunteerCertificate($input: RequestVolunteerCertificateInput!) {
    requestVolunteerCertificate(input: $input) {
      certificate {
        id
        number
        pdfUrl
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const VolunteerLeaderboardQuery = graphql(`
  query VolunteerLeaderboard($from: Date, $to: Date, $offset: Offset!) {
    volunteerLeaderboard(from: $from, to: $to, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        rank
        maskedName
        unitName
        hours
        starLevel
      }
    }
  }
`)
