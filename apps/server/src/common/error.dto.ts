import { ApiProperty } from '@nestjs/swagger';

/** Every error the API returns. */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'updateAvailable must be true or false' }) message: string;
}
