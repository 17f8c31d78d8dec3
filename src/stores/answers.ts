import { defineStore } from 'pinia';
import { ref } from 'vue';
import { NOT_SURE, type Question } from '../../core/content/model';
import type { Answers } from '../../core/visit/plan';

/** The visitor's triage answers. */
export const useAnswersStore = defineStore('answers', () => {
  const answers = ref<Answers>({});

  function selected(questionId: string): readonly string[] {
    return answers.value[questionId] ?? [];
  }

  function isAnswered(questionId: string): boolean {
    return selected(questionId).length > 0;
  }

  /**
   * Chooses an option. In a multiple-choice question options toggle and combine; "not sure" and
   * an exclusive option ("none of these") stand alone, so choosing one clears the others and
   * choosing another clears it.
   */
  function choose(question: Question, optionId: string): void {
    const current = selected(question.id);
    const alone = (id: string) =>
      id === NOT_SURE || question.options.some((o) => o.id === id && o.exclusive);
    let next: string[];
    if (alone(optionId) || !question.multiple) {
      next = [optionId];
    } else if (current.includes(optionId)) {
      next = current.filter((o) => o !== optionId);
    } else {
      next = [...current.filter((o) => !alone(o)), optionId];
    }
    answers.value = { ...answers.value, [question.id]: next };
  }

  function reset(): void {
    answers.value = {};
  }

  return { answers, selected, isAnswered, choose, reset };
});
