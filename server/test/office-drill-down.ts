/**
 * The query of a unit page: breadcrumb, children, the off-track list, goals, indicators with
 * their series, the assignment table and list, economy, investments and reports; the names
 * and the tree of the period shown, as the app asks for them. The statement-count test and
 * the benchmark both run it.
 */
export const OFFICE_DRILL_DOWN = /* GraphQL */ `
  query OfficeDrillDown($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      name
      shortName
      kind
      kommun {
        id
        name
        koladaCode
      }
      followUp(periodId: $periodId) {
        unitInPeriod {
          id
          name
          ancestors {
            id
            name
            kind
          }
          children {
            id
            name
            kind
          }
        }
        period {
          id
          label
          kind
          startDate
          endDate
        }
        offTrack {
          kind
          severity
          title
          reason
          comment
          targetId
          amount
        }
        goalSummary {
          total
          met
          partlyMet
          notMet
          notAssessed
        }
        goals {
          id
          assessment
          trend
          analysis
          version
          unitInPeriod {
            id
            name
          }
          goal {
            id
            code
            title
            area {
              id
              code
              title
              agenda2030
            }
          }
        }
        indicators {
          id
          assessment
          trend
          comment
          commentDate
          version
          unitInPeriod {
            id
            name
          }
          responsibleUnitInPeriod {
            id
            name
          }
          indicator {
            id
            name
            unitOfMeasure
            direction
            origin
            koladaKpiId
            goal {
              id
              code
            }
            outcomes {
              year
              value
              preliminary
              label
              note
            }
            targets {
              year
              value
              label
              note
            }
          }
        }
        assignmentSummary {
          rows {
            kind
            status
            onPlan
            deviating
            withoutForecast
            total
          }
          onPlan
          deviating
          withoutForecast
          total
        }
        assignments {
          id
          status
          forecast
          comment
          commentDate
          deviationReason
          version
          goal {
            id
            code
            title
          }
          ownerUnitInPeriod {
            id
            name
          }
          responsibleUnitInPeriod {
            id
            name
          }
          assignment {
            id
            kind
            title
            dueDate
            originYear
          }
        }
        economy {
          id
          ledger
          dimension
          forecastLabel
          unitInPeriod {
            id
            name
          }
          totals {
            budgetPeriod
            outcomePeriod
            deviationPeriod
            outcomePreviousYearPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
          }
          lines {
            id
            label
            accountGroup
            partOf
            countsInTotal
            note
            version
            unit {
              id
              name
            }
            budgetPeriod
            outcomePeriod
            deviationPeriod
            outcomePreviousYearPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
            deviationExplanation
            forecastExplanation
          }
        }
        investments {
          id
          projectNumber
          name
          parentId
          budgetTotal
          forecastTotal
          deviationTotal
          outcomeAccumulated
          budgetYear
          outcomeYear
        }
      }
      reports {
        id
        title
        type
        status
        publishedAt
        period {
          id
          label
        }
      }
    }
  }
`;
