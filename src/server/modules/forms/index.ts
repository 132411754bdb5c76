// The forms module's public surface: what other modules and the app may import (decision 0014).

export { answerFileOf, answersOf, choiceQuestionsOf } from "./actions/answers";
export { vacancyHasForm } from "./actions/apply";
export type { FormsDeps } from "./actions/context";
export { answersAsText } from "./answers";
export { registerFormRoutes } from "./forms.routes";
