/**
 * The shared kernel: the one error format ({@link org.glossa.shared.ApiProblem}), time, request
 * identity and rate limits, and the contract by which every module contributes to a learner's data
 * export. Open to every module; kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.glossa.shared;
