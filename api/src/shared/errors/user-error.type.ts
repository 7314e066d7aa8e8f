import { Field, ObjectType } from 'type-graphql';
import { DomainError } from './domain-error';

@ObjectType({ description: 'A problem with the input of a mutation, reported inside its payload.' })
export class UserError {
  @Field({ description: 'Machine-readable code, stable across releases (e.g. INVALID_KRS).' })
  code!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if any.' })
  field?: string[];

  @Field({ description: "Human-readable explanation in the request's language." })
  message!: string;

  static from(error: DomainError): UserError {
    return Object.assign(new UserError(), { code: error.code, field: error.field.length ? error.field : undefined, message: error.message });
  }
}
